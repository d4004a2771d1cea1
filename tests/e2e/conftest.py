"""Browser fixtures: Debian's Chromium through pytest-playwright, and a guard on every page."""

import pytest
from pagecheck import PageGuard

from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # No skip: where Chromium is missing, launching it fails and says so.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def guarded(page, site_url):
    return PageGuard(page, site_url)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The offline copy (a service worker downloading the whole site) is tested on its own in
    # test_offline.py; elsewhere it would only add background traffic to every test.
    return {**browser_context_args, "service_workers": "block"}
