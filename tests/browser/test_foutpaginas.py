"""The pages for refused requests (hvk/fouten.py) meet WCAG 2.1 AA on a phone.

They are rendered without a request, so the test renders them the same way and shows the HTML
in the browser; a live server cannot be reached under a host name it refuses.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.template.loader import render_to_string

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.mark.parametrize(
    ("naam", "sjabloon"), [("onbekend-adres", "onbekend_adres.html"), ("400", "400.html")]
)
def test_foutpagina_heeft_geen_wcag_aa_fouten_en_past_op_een_gsm(gsm, schermafdruk, naam, sjabloon):
    gsm.set_content(
        render_to_string(sjabloon, {"site_url": "https://www.huisvanhetkind-kempenland.be"})
    )
    schermafdruk(gsm, f"gsm-fout-{naam}")

    resultaat = Axe().run(gsm, options=WCAG_AA)

    assert resultaat.violations_count == 0, resultaat.generate_report()
    assert gsm.evaluate("document.documentElement.scrollWidth") <= gsm.viewport_size["width"]
