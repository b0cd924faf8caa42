"""gunicorn's settings, read from the working directory when gunicorn starts (deployment, tests, `make bench`).

The request-line limit matches nginx's (large_client_header_buffers 8k in deploy/nginx-aple.conf): with
gunicorn's default of 4094, an address of 4 to 8 KB passed nginx and got gunicorn's unstyled "Request Line is too
large". Now nginx answers what is too long, with the site's page (static/errors/refused.html)."""

limit_request_line = 8190
limit_request_field_size = 8190
