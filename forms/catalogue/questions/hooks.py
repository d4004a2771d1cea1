"""The hooks of "Our questions" (forms/hooks.py): hints on the questions as the family types."""

from forms.catalogue.questions.rules import coach  # noqa: F401
