"""The weights page: ``sitecompare app`` serves a local web page for weighting workshops.

Modules: ``command`` (the ``sitecompare app`` command: starts Streamlit on the page),
``page`` (the Streamlit script: sidebar, ranking and layout), ``panels`` (the panels under the
ranking: walking weights, SMAA, data quality, AHP, saving), ``widgets`` (small Streamlit helpers
both share), ``logic`` (the study and the weights as points, the ranking they give, the download
and saving: plain functions over the library), ``results`` (what the page shows of a ranking, as
HTML or chart rows: plain functions, tests call them without a browser), ``charts`` (the
Vega-Lite charts), ``i18n`` (the page's Korean labels, beside the workbook's).

Every number on the page comes from the library (:func:`sitecompare.rank`, the headline, the
OAT sweep, SMAA-2, AHP, the workbook); the page holds no second implementation of a method.
"""
