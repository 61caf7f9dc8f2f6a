"""Notes: the submission notes for 提交审核 and the release section, drafted from commits and findings."""
