"""Pure Python core: calendar, code lists by collection year, journey types. Never imports Django."""
