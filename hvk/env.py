"""Read settings from the environment, strictly.

A value that cannot be understood stops the start with a clear message instead of silently
falling back to a default (a typo in ``DEBUG`` must never switch a production site to debug).
Every variable can also be read from a file named by ``<NAME>_FILE``, for secrets mounted by
an orchestrator.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_WAAR = {"1", "true", "yes", "on", "ja"}
_ONWAAR = {"0", "false", "no", "off", "nee"}


def env_str(name: str, default: str | None = None) -> str | None:
    """The raw value of ``name`` (or of the file named by ``name_FILE``), else ``default``."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            with open(path, encoding="utf-8") as fh:
                return fh.read().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={path!r} cannot be read: {exc}") from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """A boolean; anything but a known yes/no word is an error."""
    raw = env_str(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in _WAAR:
        return True
    if value in _ONWAAR:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name: str, default: int) -> int:
    """An integer; anything else is an error."""
    raw = env_str(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; empty items are dropped."""
    raw = env_str(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]
