"""The weights page: ``sitecompare app`` serves a local web page for weighting workshops.

Modules: ``command`` (the ``sitecompare app`` command: starts Streamlit on the page),
``page`` (the Streamlit script: layout and widgets only), ``logic`` (what the page shows, as
plain functions over the library: tests call them without a browser), ``charts`` (the Altair
charts), ``i18n`` (the page's Korean labels, beside the workbook's).

Every number on the page comes from the library (:func:`sitecompare.rank`, the headline, the
OAT sweep, SMAA-2, AHP, the workbook); the page holds no second implementation of a method.
"""
