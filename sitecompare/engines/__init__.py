"""Engines that rank beyond one process: ``--engine dask`` (:mod:`.dask_rank`, its tasks in
:mod:`.dask_tasks`, SMAA in :mod:`.dask_smaa`; the command-line glue in :mod:`.command`).
They need the ``dask`` extra (``pip install 'sitecompare[dask]'``) and import it only when used."""
