"""Background work of the UiTdatabank import, through the Django tasks API.

The argument is the import's primary key only; the uploaded file stays in storage until read.
"""

from django_tasks import task

from uitdatabank import importeren


@task()
def uit_import_uitvoeren(*, import_id: int) -> str:
    """Run an import uploaded in the admin (see ``importeren.import_uitvoeren``)."""
    return importeren.import_uitvoeren(import_id=import_id)
