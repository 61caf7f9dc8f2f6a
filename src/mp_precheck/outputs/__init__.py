"""Outputs: the report rendered for people and machines.

The Markdown comment and job summary, the terminal report, SARIF, GitLab Code Quality, workflow annotations, rule docs.
"""
