"""Show a return code in plain words on a page: `{{ episode.referral_source|code:"ReferralSource" }}`."""

from __future__ import annotations

from django import template

from safeguard.core.codes import describe

register = template.Library()


@register.filter(name="code")
def code_in_words(value: str | None, list_name: str) -> str:
    """The code's description followed by the code, e.g. "Neglect (NEG)"; the code alone if none."""
    if not value:
        return ""
    words = describe(list_name, value)
    return value if words == value else f"{words} ({value})"


@register.filter(name="codes")
def codes_in_words(values: list[str] | None, list_name: str) -> str:
    """Several codes in plain words, separated by semicolons."""
    return "; ".join(code_in_words(value, list_name) for value in values or [])
