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
