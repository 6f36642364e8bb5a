"""Issue 14: an e-mail's attachments of an accepted type are reports of their own, stored next to its body and named
'<e-mail>/<attachment>'.  The e-mails are made here with the standard library's email package, a Word attachment
with python-docx, a PDF with a text layer by hand; every name is invented."""
from __future__ import annotations

import datetime
import io
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from casewatch.api import service
from casewatch.errors import InputError
from casewatch.ingest import office, read_bytes
from casewatch.pipeline import ingest_paths, path_loaders
from casewatch.settings import Settings
from casewatch.store import Store
from tests.conftest import ROOT
from tests.pdfs import one_page_pdf

EXE = Path(sys.executable).parent / "casewatch"
BODY = "The monitors of the Velgrad Rights Desk send the statement, the appeal and the court's reasons, attached."
STATEMENT = b"Statement of the family of Mira Kovac. She was taken from her home by plain-clothes officers in Velgrad."
APPEAL = "Urgent appeal: the journalist Mira Kovac is held without charge in Velgrad. Release her now."
REASONS = "The district court of Velgrad ordered the detention of the journalist Mira Kovac for two months."


def _docx(text: str) -> bytes:
    import docx
    d = docx.Document()
    d.core_properties.title = "Urgent appeal"
    d.core_properties.created = datetime.datetime(2026, 2, 20, 9, 0)
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _pdf(text: str) -> bytes:
    """A one-page PDF whose text layer is `text`, in Helvetica."""
    return one_page_pdf(b"BT /F1 12 Tf 72 700 Td (" + text.encode() + b") Tj ET", filtered=False, font=True)


def _mail(*attachments: tuple[str, bytes, str], date: str = "Mon, 09 Mar 2026 10:00:00 +0100") -> bytes:
    m = EmailMessage()
    m["From"] = "Velgrad Rights Desk <desk@example.org>"
    m["Subject"] = "Mira Kovac: documents"
    m["Date"] = date
    m.set_content(BODY)
    for name, data, ctype in attachments:
        maintype, subtype = ctype.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m.as_bytes()


GOOD = (("statement.txt", STATEMENT, "text/plain"),
        ("appeal.docx", _docx(APPEAL), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("reasons.pdf", _pdf(REASONS), "application/pdf"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100), "image/jpeg"))
BROKEN = ("broken.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4, "application/pdf")


def test_each_attachment_of_an_accepted_type_is_a_report_of_its_own(tmp_path: Path):
    (tmp_path / "alert.eml").write_bytes(_mail(*GOOD))
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'cw.db'}")
    store = Store(settings.db_url)
    rep = ingest_paths(store, "c", [tmp_path / "alert.eml"], settings)
    assert not rep.failed
    assert [Path(n).relative_to(tmp_path).as_posix() for n in rep.added] == [
        "alert.eml", "alert.eml/statement.txt", "alert.eml/appeal.docx", "alert.eml/reasons.pdf"]
    docs = {d.filename: d for d in store.documents("c")}
    assert set(docs) == {"alert.eml", "alert.eml/statement.txt", "alert.eml/appeal.docx", "alert.eml/reasons.pdf"}
    body = docs["alert.eml"].text
    assert "[attachments read as reports of their own: statement.txt; appeal.docx; reasons.pdf]" in body
    assert "[attachments, not read: photo.jpg]" in body
    assert "plain-clothes officers" in docs["alert.eml/statement.txt"].text
    assert "held without charge" in docs["alert.eml/appeal.docx"].text
    assert "district court of Velgrad" in docs["alert.eml/reasons.pdf"].text
    # the sha256 is of the attachment's own bytes
    assert docs["alert.eml/statement.txt"].sha256 == read_bytes("statement.txt", STATEMENT, settings).sha256
    # a date of its own (the Word file's) is kept; an attachment without one takes the e-mail's
    assert docs["alert.eml"].published == "2026-03-09"
    assert docs["alert.eml/appeal.docx"].published == "2026-02-20"
    assert docs["alert.eml/statement.txt"].published == "2026-03-09"
    assert docs["alert.eml/reasons.pdf"].published == "2026-03-09"
    # ingest twice adds nothing
    counts = store.counts("c")
    again = ingest_paths(store, "c", [tmp_path], settings)
    assert again.added == [] and len(again.skipped) == 4 and not again.failed
    assert store.counts("c") == counts


def test_the_real_command_names_a_broken_attachment_and_a_copy_already_there(tmp_path: Path):
    """Through the real command (watched workers): a damaged PDF attached gets one error line naming
    'alert.eml/broken.pdf', the other attachments are stored, and the statement saved as a file of its own is the
    same report ('already there')."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "alert.eml").write_bytes(_mail(*GOOD[:2], BROKEN, *GOOD[2:]))
    (folder / "statement-copy.txt").write_bytes(STATEMENT)
    env = {"CASEWATCH_DB": str(tmp_path / "cli.db"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}  # this checkout
    r = subprocess.run([str(EXE), "ingest", "--case", "c", "--workers", "2", str(folder)],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "inbox/alert.eml/broken.pdf: " in errors[0], r.stderr
    assert "already there" in r.stderr and "statement-copy.txt" in r.stderr
    assert "Traceback" not in r.stderr
    assert "4 added, 1 already there, 1 failed" in r.stdout, r.stdout
    r = subprocess.run([str(EXE), "ingest", "--case", "c", str(folder)], capture_output=True, text=True, env=env)
    assert "0 added, 5 already there, 1 failed" in r.stdout, r.stdout + r.stderr


def test_an_attachment_ingested_before_as_a_file_is_already_there(tmp_path: Path):
    (tmp_path / "statement.txt").write_bytes(STATEMENT)
    (tmp_path / "alert.eml").write_bytes(_mail(GOOD[0]))
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'cw.db'}")
    store = Store(settings.db_url)
    assert len(ingest_paths(store, "c", [tmp_path / "statement.txt"], settings).added) == 1
    rep = ingest_paths(store, "c", [tmp_path / "alert.eml"], settings)
    assert [Path(n).name for n in rep.added] == ["alert.eml"]
    assert [Path(n).relative_to(tmp_path).as_posix() for n in rep.skipped] == ["alert.eml/statement.txt"]


def test_an_email_with_sixty_attachments_is_bounded(tmp_path: Path):
    many = [(f"note-{i:02}.txt", f"Note {i} on the case of Mira Kovac.".encode(), "text/plain") for i in range(60)]
    data = _mail(*many)
    found = office.eml_attachments(data, 20 * 2**20)
    assert [n for n, _ in found] == [f"note-{i:02}.txt" for i in range(office.MAX_ATTACHMENTS)]
    text = office.from_eml(data, 20 * 2**20).text
    assert "note-49.txt]" in text and "note-50.txt (past the limit of 50 attachments read)" in text
    assert "note-59.txt (past the limit" in text
    (tmp_path / "many.eml").write_bytes(data)
    loaders = path_loaders([tmp_path / "many.eml"], Settings(db_url="sqlite://"))
    assert len(loaders) == 1 + office.MAX_ATTACHMENTS
    # and by size: the attachments read fit together in the file-size limit
    big = [(f"part-{i}.txt", b"Mira Kovac. " * 1000, "text/plain") for i in range(5)]
    found = office.eml_attachments(_mail(*big), 25_000)
    assert [n for n, _ in found] == ["part-0.txt", "part-1.txt"]
    assert "part-2.txt (too large" in office.from_eml(_mail(*big), 25_000).text


def test_attachment_names_are_cleaned_and_a_forwarded_email_is_read_one_level_only(tmp_path: Path):
    inner = EmailMessage()
    inner["From"] = "witness@example.org"
    inner["Subject"] = "What I saw in Velgrad"
    inner.set_content("Officers took Mira Kovac away at night.")
    inner.add_attachment(b"A note about Mira Kovac.", maintype="text", subtype="plain", filename="deeper.txt")
    m = EmailMessage()
    m["From"] = "desk@example.org"
    m["Subject"] = "Forwarded"
    m["Date"] = "Mon, 09 Mar 2026 10:00:00 +0100"
    m.set_content(BODY)
    m.add_attachment(STATEMENT, maintype="text", subtype="plain", filename="../../etc/state\x07ment\u202e.txt")
    m.add_attachment(REASONS.encode(), maintype="text", subtype="plain")  # no name
    m.add_attachment(inner)
    data = m.as_bytes()
    names = [n for n, _ in office.eml_attachments(data, 20 * 2**20)]
    assert names == ["statement.txt", "attachment-2.txt", "attachment-3.eml"]
    # names as other mailers write them: RFC 2047 encoded words, raw UTF-8
    for header in (b'filename="=?utf-8?q?d=C3=A9claration.txt?="', b'filename="d\xc3\xa9claration.txt"'):
        raw = (b"From: desk@example.org\nSubject: Names\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n"
               b"\n--B\nContent-Type: text/plain\n\n" + BODY.encode() + b"\n--B\nContent-Type: text/plain\n"
               b"Content-Disposition: attachment; " + header + b"\n\n" + STATEMENT + b"\n--B--\n")
        assert office.eml_attachments(raw, 20 * 2**20) == [("d\u00e9claration.txt", STATEMENT)]
    (tmp_path / "fwd.eml").write_bytes(data)
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'cw.db'}")
    store = Store(settings.db_url)
    rep = ingest_paths(store, "c", [tmp_path / "fwd.eml"], settings)
    assert not rep.failed and len(rep.added) == 4  # the forwarded e-mail's own attachment is not expanded
    fwd = next(d for d in store.documents("c") if d.filename == "fwd.eml/attachment-3.eml")
    assert "Officers took Mira Kovac away" in fwd.text and "[attachments, not read: deeper.txt]" in fwd.text
    assert fwd.published == "2026-03-09"  # it has no Date: the e-mail's


def test_an_uploaded_email_stores_its_attachments_and_lists_them(tmp_path: Path):
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'cw.db'}")
    store = Store(settings.db_url)
    service.create_case(store, "c")
    mail = _mail(GOOD[0], BROKEN, GOOD[3])
    rep = service.upload(store, settings, "c", "alert.eml", mail)
    assert rep.added == ["alert.eml", "alert.eml/statement.txt"]
    assert [e.file for e in rep.failed] == ["alert.eml/broken.pdf"]
    docs = {d.filename: d for d in store.documents("c")}
    assert docs["alert.eml/statement.txt"].published == "2026-03-09"
    again = service.upload(store, settings, "c", "alert.eml", mail)
    assert again.added == [] and again.skipped == ["alert.eml", "alert.eml/statement.txt"]
    with pytest.raises(InputError, match="not an e-mail"):
        service.upload(store, settings, "c", "plain.eml", BODY.encode())


HEAD = b"From: desk@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
HOSTILE = {  # each a few MB that the email package's parameter and header parsers take minutes or gigabytes on
    "RFC 2231 continuations": HEAD + b"--B\r\nContent-Type: text/plain\r\nContent-Disposition: attachment;\r\n"
    + b"".join(b" filename*%d=a;\r\n" % i for i in range(150_000)) + b"\r\nhi\r\n--B--\r\n",
    "encoded words": HEAD + b"--B\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\""
    + b"=?utf-8?q?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?= " * 60_000 + b".txt\"\r\n\r\nhi\r\n--B--\r\n",
    "Content-Type parameters": HEAD.replace(b"boundary=B", b"".join(b' x%d="a;b";' % i for i in range(150_000))
                                            + b" boundary=B")
    + b"--B\r\nContent-Type: text/plain\r\n\r\nhi\r\n--B--\r\n",
    "a forwarded e-mail's header": HEAD + b"--B\r\nContent-Type: message/rfc822\r\n\r\n"
    + b"From: x@example.org\r\nSubject: " + b"=?utf-8?q?a?= " * 150_000 + b"\r\n\r\nbody\r\n--B--\r\n",
    "many parts": HEAD
    + b"--B\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nhi\r\n" * 30_000
    + b"--B--\r\n",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_listing_a_hostile_emails_attachments_takes_time_linear_in_its_size(case: str):
    """The attachments are listed in the main process, outside the watched workers: a few MB take well under a
    second, however they are made (the email package's default policy takes minutes on some of these)."""
    import time
    data = HOSTILE[case]
    assert len(data) > 1_000_000
    start = time.monotonic()
    found = office.eml_attachments(data, 20 * 2**20)
    office.eml_date(data)
    assert time.monotonic() - start < 2.0
    assert len(found) <= office.MAX_ATTACHMENTS
