# The health check each app server answers in front of Django
# (serving/health.py): two answers of the last three decide whether it is up.
probe app_health {
    .url = "/healthz";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# docker-compose.yml: the `web` service's gunicorn. With several app servers,
# add one backend each and app.add_backend() it; add them to `purgers` too.
backend web {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = app_health;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(web);
}

# Who may purge: the services that publish (resolved when the configuration
# loads, which is why the proxy starts after them).
acl purgers {
    "web";
    "scheduler";
    "worker";
    "localhost";
}
