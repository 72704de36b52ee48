# Turns a gettext catalogue (PO file) into the rows of a C++ table of {msgid, msgstr}:
#   cmake -DPO=engine/locale/sv.po -DOUT=catalogue_sv.inc -P po_to_table.cmake
# A PO file's strings are C string literals (the same escapes, split over lines as adjacent
# literals), so they are copied as they stand. Comments (translators', references, flags) are
# dropped; msgctxt and plural forms are not used by planrules and are refused.
file(READ "${PO}" content)
if(content MATCHES "(^|\n)(msgctxt|msgid_plural)")
  message(FATAL_ERROR "${PO}: msgctxt and plural forms are not supported")
endif()
string(REGEX REPLACE "(^|\n)#[^\n]*" "\\1" content "${content}")
string(REGEX REPLACE "(^|\n)msgid " "\\1},\n{" content "${content}")
string(REGEX REPLACE "(^|\n)msgstr " "\\1, " content "${content}")
file(WRITE "${OUT}.tmp" "// Made from ${PO} by cmake/po_to_table.cmake: do not edit.\n{\"\", \"\"\n${content}\n},\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
