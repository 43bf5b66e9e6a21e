"""`zzreview clean`: review a stock of documents in force (规范性文件清理).

Flow: each file is reviewed on its own by a pure function (``record.review``) that
returns a small JSON-able record — never the Document — so files map onto a process
pool and records are spilled to disk as they arrive. A light index of the whole
stock (``stock.StockIndex``: titles, 文号, dates, repeal clauses) then resolves
citations between its documents, and ``decide`` turns each record into a proposed
decision with reasons, from the rules in checks/clean/decisions.toml.
"""
