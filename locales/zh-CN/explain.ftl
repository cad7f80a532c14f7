# conndoctor explain — messages for pasted error messages (zh-CN).
