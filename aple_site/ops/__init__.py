"""Operations: backups and restore, structured logs, pruning the consent log, and the local-only admin account
and database reset (the management commands are thin wrappers around these)."""
