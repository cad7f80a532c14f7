# conndoctor audit — server-side messages (zh-CN).
