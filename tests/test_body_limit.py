"""Request bodies of anyone but logged-in staff are limited (qa.body_limit): a 413
before the body is read."""

import io

import pytest

pytestmark = pytest.mark.django_db
LIMIT = 64 * 1024
PASSWORD = "a-long-editor-password-for-tests"


class CountingInput(io.BytesIO):
    """A request body that records how much of it was read."""

    def __init__(self, data):
        super().__init__(data)
        self.taken = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk

    readline = None  # multipart parsing reads with read() only


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.ANONYMOUS_BODY_MAX_BYTES = LIMIT


def post(client, path, size, **extra):
    body = CountingInput(b"a=" + b"x" * (size - 2))
    return client.generic("POST", path, **sent_as_form(body, CONTENT_LENGTH=str(size), **extra)), body


def sent_as_form(body, **extra):
    """The environ of a form whose body is the stream body (the test client sets the
    type and length only for bodies it is given)."""
    return {"wsgi.input": body, "CONTENT_TYPE": "application/x-www-form-urlencoded", **extra}


def test_a_large_anonymous_post_is_a_413_before_its_body_is_read(client):
    for path in ["/admin/login/", "/en/search/", "/de/"]:
        response, body = post(client, path, LIMIT + 1)
        assert response.status_code == 413, path
        assert body.taken == 0, path


def test_the_413_page_speaks_the_language_of_the_address(client):
    for path, words in [
        ("/de/", "Anfrage zu groß"),
        ("/tr/", "İstek çok büyük"),
        ("/nl/", "Verzoek te groot"),
        ("/en/", "Request too large"),
    ]:
        response, _body = post(client, path, LIMIT * 2)
        assert response.status_code == 413 and words in response.content.decode(), path
        assert "64.0\xa0KB" in response.content.decode() or "64,0\xa0KB" in response.content.decode(), path


def test_a_body_within_the_limit_goes_on_as_before(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    response = client.post("/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post("/en/", {"a": "b"}).status_code == 405  # reader addresses take no POST


def test_a_logged_in_staff_member_is_not_limited(admin_client):
    response, body = post(admin_client, "/admin/qa/category/add/", LIMIT * 4)
    assert response.status_code == 200  # the form, with what is missing named
    assert body.taken == LIMIT * 4  # read as the admin's form


def test_a_logged_in_user_who_is_not_staff_is_limited(client, django_user_model):
    django_user_model.objects.create_user("reader", "reader@example.org", PASSWORD)
    client.force_login(django_user_model.objects.get(username="reader"))
    response, body = post(client, "/admin/login/", LIMIT + 1)
    assert response.status_code == 413 and body.taken == 0


def test_a_made_up_session_cookie_is_limited_like_none(client):
    client.cookies["sessionid"] = "a" * 32
    response, _body = post(client, "/admin/login/", LIMIT + 1)
    assert response.status_code == 413


def test_a_body_of_unknown_length_is_read_up_to_the_limit(client):
    """Chunked bodies (no Content-Length; gunicorn ends the input) are read to the limit and no further."""
    chunked = {"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True}
    big = CountingInput(b"a=" + b"x" * (LIMIT * 3))
    response = client.generic("POST", "/admin/login/", **sent_as_form(big, **chunked))
    assert response.status_code == 413 and big.taken == LIMIT + 1
    small = io.BytesIO(b"username=nobody&password=wrong")
    response = client.generic("POST", "/admin/login/", **sent_as_form(small, **chunked))
    assert response.status_code == 200 and b"correct username and password" in response.content
