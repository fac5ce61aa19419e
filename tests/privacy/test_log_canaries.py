"""At DEBUG, across the paths that see content and secrets, the log holds none of them.

Logging is configured as the app does it, at DEBUG, to a file. Then real code
runs with canaries everywhere: an imported recording whose speech is heard
(checked), a title, notes, a participant and an address, the user's name, a
built-in summary and one from a loopback language model (whose prompt carries
all of it), a signed push to a loopback CRM, a call with an API token, an OAuth
sign-in with a token renewal and an API call that is first refused, an export
and a delete. No
names are registered with the filter here: the test shows that nothing logs
them, not that the filter hides them.
"""

from __future__ import annotations

import logging
import uuid
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from tests.crm.oauth_server import OAuthTestServer
from tests.crm.test_oauth import Browser
from tests.privacy import canaries
from tests.privacy.session_steps import (
    add_details,
    delete,
    export_to,
    import_meeting,
    llm_answer,
    push_to_crm,
    summarize,
    transcript,
)

from minuta.app.session import init_store
from minuta.crm.http import CrmClient
from minuta.crm.oauth import sign_in
from minuta.crm.tokens import ApiTokenCredentials, OAuthCredentials, TokenVault
from minuta.logs import configure_logging
from minuta.store.secret_store import system_keyring
from minuta.store.settings import Setting
from minuta.summarize.llm.detect import open_backend

pytestmark = pytest.mark.model

ID_TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJjYW5hcnktaWQtdG9rZW4ifQ.Quillspark"


def oauth_session(secrets: list[str]) -> None:
    """Sign in, save the tokens, and call an API that refuses the first token (renewal)."""
    connection = f"canary-{uuid.uuid4().hex[:8]}"
    vault = TokenVault(system_keyring())
    with (
        OAuthTestServer() as server,
        httpx.Client(verify=server.client_context(), trust_env=False) as http,
    ):
        server.extra_token_fields = {"id_token": ID_TOKEN}
        browser = Browser(http)
        try:
            tokens = sign_in(server.provider(), open_browser=browser, http=http, timeout_s=30)
            vault.save_tokens(connection, tokens)
            credentials = OAuthCredentials(vault, connection, server.provider(), http=http)
            server.revoke_access_tokens()  # the API answers 401 first: renewed, sent again
            with CrmClient(credentials, verify=server.client_context()) as client:
                client.get_json(f"{server.base_url}/api/me")
            assert len(server.token_requests_of("refresh_token")) == 1
        finally:
            vault.forget(connection)
        secrets += parse_qs(urlsplit(browser.callback_url).query)["code"]
        for token in server.tokens:
            secrets += [token.access_token, token.refresh_token or ""]
        for request in server.token_requests:
            secrets += [
                v for k, v in request.items() if k in {"code", "code_verifier", "refresh_token"}
            ]
    secrets.append(ID_TOKEN)


def api_token_call(url: str) -> None:
    """A CRM call with an API token from the keyring in its Authorization header."""
    connection = f"canary-{uuid.uuid4().hex[:8]}"
    vault = TokenVault(system_keyring())
    vault.save_api_token(connection, canaries.API_TOKEN)
    try:
        with CrmClient(ApiTokenCredentials(vault, connection)) as client:
            client.send_json("POST", url, {"note": canaries.NOTES})
    finally:
        vault.forget(connection)


def test_debug_logs_hold_no_content_and_no_secret(
    logging_restored, app_paths, engine, speech, llm_server, receiver, webhook, tmp_path
) -> None:
    log_file = tmp_path / "logs" / "minuta.log"
    configure_logging(level=logging.DEBUG, log_file=log_file)

    store, _recovery = init_store(app_paths)
    try:
        store.settings.set(Setting.USER_NAME, canaries.USER)
        wav = speech(canaries.IMPORT_SPEECH, name="canary-import.wav")
        meeting_id = import_meeting(store, engine, wav, title=canaries.TITLE)
        assert canaries.IMPORT_HEARD in transcript(store, meeting_id)  # the canary was heard
        add_details(store, meeting_id, participants=(canaries.PARTICIPANT,), notes=canaries.NOTES)

        summarize(store, meeting_id)  # built-in
        for _ in range(3):
            llm_server.answer(llm_answer())
        summarize(store, meeting_id, open_backend("ollama", llm_server.url, "llama3.2:latest"))
        [chat] = llm_server.chats()
        prompt = str(chat.body).lower()
        assert canaries.IMPORT_HEARD in prompt and "zephyrquill" in prompt  # it carried them

        webhook(store)
        push_to_crm(store, meeting_id)
        assert b"Zephyrquill" in receiver.received[0].body

        export_to(store, meeting_id, tmp_path / "exports")
        delete(store, meeting_id)
    finally:
        store.close()

    api_token_call(receiver.url)
    assert receiver.received[-1].headers["Authorization"] == f"Bearer {canaries.API_TOKEN}"
    secrets: list[str] = []
    oauth_session(secrets)
    logging.getLogger("minuta.test").debug("session done")

    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    # DEBUG really was on, for the app and for the libraries under it.
    assert "DEBUG minuta.test: session done" in text
    assert "DEBUG minuta.summarize.llm._http: POST /api/chat: HTTP 200" in text
    assert "DEBUG httpcore." in text
    assert "INFO minuta.crm.oauth: Signed in at 127.0.0.1" in text
    low = text.lower()
    leaked = [word for word in (*canaries.ALL, *secrets) if word and word.lower() in low]
    assert leaked == [], f"in the log: {leaked}"
