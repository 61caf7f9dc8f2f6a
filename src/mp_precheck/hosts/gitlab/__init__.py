"""GitLab: the merge-request pipeline flow and the port through which it reaches GitLab."""
