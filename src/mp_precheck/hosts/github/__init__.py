"""GitHub: the Action's pull-request and release flows, and the port through which they reach GitHub."""
