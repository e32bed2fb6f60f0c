"""Vijandige invoer: property-based tests (hypothesis) voor elk publiek formulier en elke lijst.

Elke module hier stuurt willekeurige en vijandige invoer naar één publiek formulier of adres:
heel lange teksten, stuurtekens (ook NUL), stukken SQL en HTML, RTL- en zero-width-tekens,
losse surrogaten en ongeldige UTF-8-bytes, reusachtige en negatieve getallen, onmogelijke
datums en vervalste links. Elke test controleert per voorbeeld: geen 500, een melding in het
Nederlands bij een geweigerde invoer, en niets opgeslagen uit een ongeldige inzending.

De voorbeelden liggen vast (``derandomize=True``), dus CI ziet elke keer dezelfde invoer. Wil
je meer voorbeelden, zet dan ``HVK_HYPOTHESIS_VOORBEELDEN`` op een factor: ``10`` draait elke
test met tien keer zoveel voorbeelden, bv.
``HVK_HYPOTHESIS_VOORBEELDEN=10 .venv/bin/python -m pytest tests/vijandig -q``. Met
``HVK_HYPOTHESIS_WILLEKEURIG=1`` kiest hypothesis elke keer andere voorbeelden (om nieuwe fouten
te vinden; een gevonden fout wordt dan een vast ``@example`` in de test). Na de run staat per
test het aantal verstuurde voorbeelden in de samenvatting onderaan de uitvoer en in
``vijandig-samenvatting.txt`` in de basetemp van pytest.
"""
