"""Cookie consent, built on django-cookie-consent: the cookie groups, the banner, the preferences page, the
clean-up of withdrawn cookies, the gate for third-party markup and the cookie policy page.

Nothing optional runs before a visitor chooses: the analytics script and external media are injected by
static/js/consent.js only for groups the consent status endpoint reports as accepted."""
