"""On an OCR'd page a goal's number may stand a few points above its row's other cells
(set B kymenlaakso-lnp-shaded-header@fin-300 / @eng-300, goal 7: the "7" boxed 5.5 pt
higher than the lists beside it).  The born-digital rule that takes a first-column block
opening in the white space just above other columns' blocks for a centred goal going on
(row_starts "silent", e65e700/3d2e2b5) read it so and gave goal 7's number to goal 6's
row: two records became one.  OCR word boxes are their ink, so that rule is for
born-digital text only; measured blocks of that page below.
"""

from __future__ import annotations

from dataclasses import replace

from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.tables.rowsplit.rows import row_starts
from tests.block_fixtures import blocks

BLOCKS = [  # (column, [(text, x0, x1, top, bottom), ...]) per block, 9 pt
    (2, [("• Asiakaskokemuk-", 249.8, 321.0, 231.4, 240.4), ("set", 258.2, 267.1, 243.7, 252.7)]),
    (1, [("• Integratiiviset palvelupo-", 129.8, 228.3, 235.5, 244.5), ("lut", 138.5, 145.1, 247.3, 256.3)]),
    (2, [("• Toimintamallien", 249.8, 313.9, 259.3, 268.3), ("käyttö", 258.5, 278.2, 271.0, 280.0)]),
    (1, [("• Jalkautuva työ (kodit, in-", 129.8, 229.7, 263.1, 272.1), ("tensiivinen avohoito jne.)", 138.0, 233.8, 275.1, 284.1)]),
    (0, [("7", 57.4, 59.4, 286.4, 295.4)]),
    (2, [("• Kyselyt ja niiden", 249.8, 316.4, 291.9, 300.9), ("analysointi", 258.5, 296.5, 303.9, 312.9)]),
    (3, [("2020", 341.0, 356.2, 291.9, 300.9), ("alkaen", 341.0, 362.8, 303.9, 312.9)]),
    (4, [("• LNPSos ja", 379.0, 422.9, 291.9, 300.9), ("LNPter henki-", 387.8, 438.4, 303.9, 312.9), ("löstö", 387.6, 402.8, 315.9, 324.9)]),
    (1, [("• Perheen vaivaton asiointi", 129.8, 232.2, 292.2, 301.2), ("omassa elinpiirissä.", 138.5, 212.7, 303.9, 312.9)]),
]


def test_a_goal_number_boxed_above_its_row_starts_the_row_on_an_ocr_page() -> None:
    starts = row_starts(blocks(BLOCKS, 9.0), [], replace(DEFAULT_SETTINGS, ocr_text=1))
    assert starts[0] == 286.4
