"""Hosts: the code-hosting platforms mp-precheck reports to (GitHub, GitLab), each behind a small port."""
