"""SVG snapshots of whole screens, compared as text.

A small syrupy extension around ``app.export_screenshot()``, so we need no
plugin that pins an older pytest. Update with ``pytest --snapshot-update``,
then look at every changed SVG before committing it.
"""

from __future__ import annotations

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode


class SVGSnapshot(SingleFileSnapshotExtension):
    file_extension = "svg"
    _write_mode = WriteMode.TEXT
