"""Operations: backups and restore, structured logs, pruning the consent log, and the local-only admin account
and database reset (the management commands are thin wrappers around these), and the bounded child process
that decodes untrusted files (child_process.py)."""
