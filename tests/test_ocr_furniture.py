"""Running footers of an OCR'd scan known as one text whatever spaces OCR read in them (issue 11, scan set E).

vake-osallisuus-frame@fin-200-skew: the footer "Sivu N" of pages 1-5 was read "Sivu 1",
"Sivu2", "Sivu 3", "Sivu 4", "Sivu5".  Keyed with their spaces, "Sivu2" was no running
footer, and the table framed down to the foot of page 2 took it into its last row (the
Mittari cell of "Mahdollistetaan asiointi myös ...").
"""

from __future__ import annotations


def test_footers_read_with_and_without_a_space_share_one_key() -> None:
    from planparse.extractors.pdf.layout import furniture_text_key

    read = ["Sivu 1", "Sivu2", "Sivu 3", "Sivu 4", "Sivu5"]
    assert len({furniture_text_key(t) for t in read}) == 1
    assert furniture_text_key("Sivu 3 (7)") == furniture_text_key("Sivu 12 (17)")
    assert furniture_text_key("Sivu 3") != furniture_text_key("Liite 3")
