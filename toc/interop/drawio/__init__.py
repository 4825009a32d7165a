"""draw.io (diagrams.net): a drawing laid out as `toc render` draws it, and edits back.

**Out.** An uncompressed ``.drawio`` file (mxGraph XML). The scene is the one
`toc render` draws (`toc.diagram.view.build_scene`), laid out by the same
Graphviz layout (`toc.diagram.engine.layout`): columns with their headings,
strands with their names, boxes in their colours, links with their mechanism
badges (and verdict colours with ``color_by="verdict"``), the title and the
legend above. Every shape carries its toc id as data (``toc_id`` on a box,
``toc_link`` on a link, ``toc_stage`` on a column heading, ``toc_strand`` on a
strand name, ``toc_mechanism`` on a badge), visible in draw.io under
Edit → Edit Data. The drawing carries no evidence, judgements or other text
that is not shown: it can be sent around.

**In.** A drawing edited by hand comes back as a document: changed labels,
boxes and links added or removed, boxes moved to another column (stage) or
strand (interventions), arrows moved to other boxes. A new box's stage is the
column whose heading is nearest across, its interventions those of the strand
it stands in. Given ``base`` (the document the drawing was made from),
everything the drawing does not show — indicators, mechanisms, evidence,
judgements — is kept; without it, the document has what the drawing shows:
nodes, links, stages, interventions and the mechanisms of the badges.

The package, one job per module: `layout` (where Graphviz puts the shapes),
`cells` (mxGraph cells as text), `legend`, `write` (`drawio_text`,
`write_drawio`), `mxfile` (a file's cells, compressed diagrams inflated) and
`read` (`read_drawio`: the cells back as a document).
"""

from __future__ import annotations

from toc.interop.drawio.mxfile import MAX_INFLATED
from toc.interop.drawio.read import read_drawio
from toc.interop.drawio.write import drawio_text, write_drawio

__all__ = ["MAX_INFLATED", "drawio_text", "read_drawio", "write_drawio"]
