"""Statutory returns inside Safeguard: export our records as returns, import a council's returns,
and the analysts' pages to validate uploaded returns and our own records before export."""
