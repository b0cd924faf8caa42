"""The cache settings: Redis that fails soft, and the release identifier every key carries."""

import hashlib
import subprocess


def redis_cache(url, key_prefix):
    """django-redis with short socket timeouts behind a circuit breaker (aple_site/caching/breaker.py): when Redis
    is down, slow or hanging, a cache read is a miss and a write is skipped, one timeout costs the first call and
    the next ones skip Redis for a few seconds, so the site keeps serving, uncached, and admin saves work."""
    return {
        "BACKEND": "aple_site.caching.breaker.BreakerRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 0.25,  # seconds
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": False,  # the breaker handles an outage; any other error is a bug, and raised
            "BREAKER_SECONDS": 10,
            "LOG_INTERVAL_SECONDS": 60,
        },
    }


def release_from_code(base_dir):
    """The checked-out commit when there is a git checkout; otherwise a digest of the Python code. (Deployments
    may set RELEASE themselves, e.g. to a version number.)"""
    try:
        commit = subprocess.run(
            ["git", "-C", str(base_dir), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        if commit:
            return commit
    except (OSError, subprocess.SubprocessError):
        pass
    digest = hashlib.sha256()
    packages = [folder for folder in sorted(base_dir.iterdir()) if (folder / "__init__.py").exists()]
    for package in packages:
        for path in sorted(package.rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
