"""The hooks of "Who should come?" (forms/hooks.py): the network map on the paper."""

from forms.catalogue.guests.paper import network_map_section as paper  # noqa: F401
