# docker-compose.yml: the `web` service's gunicorn. With several app servers,
# add one backend each and app.add_backend() it; add them to `purgers` too.
backend web {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(web);
}

# Who may purge: the app servers (resolved when the configuration loads).
acl purgers {
    "web";
    "localhost";
}
