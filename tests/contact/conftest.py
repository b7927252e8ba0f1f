"""A real SMTP server on loopback (aiosmtpd) that a test can stop and
start again on the same port, and the contact form as the demo has it."""

import email
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache

from security.attempts import attempts_key
from tests.factories import make_contact_form
from tests.serving.conftest import free_port, start_varnish  # noqa: F401  (the real proxy, for test_proxy.py)


class Inbox:
    """Messages the server accepted, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def to(self, address):
        return [message for recipients, message in self.messages if address in recipients]


class SMTPServer:
    def __init__(self, port):
        self.port = port
        self.inbox = Inbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(settings):
    """A running SMTP server, and Django's mail pointed at it."""
    server = SMTPServer(free_port())
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    settings.DEFAULT_FROM_EMAIL = "no-reply@teate.example"
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fresh_rate_limit(rf):
    """Every test posts from 127.0.0.1; the count lives in the shared cache."""
    cache.delete(attempts_key("contact-form", rf.get("/")))


@pytest.fixture
def contact_clinic(clinic):
    clinic.contact_notification_email = "clinic@teate.example"
    clinic.save()
    return clinic


@pytest.fixture
def contact_page(home, contact_clinic):
    page = make_contact_form(home)
    contact_clinic.contact_page = page
    contact_clinic.save()
    return page
