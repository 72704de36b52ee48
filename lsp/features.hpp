#pragma once
// What the server answers, one function a request, each in the file of its kind:
// diagnostics.cpp (published diagnostics and failing tests), navigation.cpp (definition,
// references, document and workspace symbols), hover.cpp, completion.cpp, edits.cpp
// (formatting and code actions). Each returns the JSON text of its result, built with
// json::Writer; the server frames it.

#include "lsp/positions.hpp"
#include "lsp/protocol.hpp"
#include "lsp/workspace.hpp"

#include <string>
#include <vector>

namespace planrules::lsp {

// A place in the analysis: the file compiled from a document, and the byte offset of a position.
struct Cursor {
    std::shared_ptr<const Analysis> analysis;
    SourceFilePtr file;
    std::uint32_t offset = 0;
    Language language = Language::en;  // of the texts of the answer
};

// The diagnostics of every file of the analysis, per file URI (files without any included,
// so that a client can clear them), as the params of textDocument/publishDiagnostics.
struct Published {
    std::string uri;
    std::string params;
    bool empty = true;  // no diagnostics: published only to clear what was shown
};
[[nodiscard]] std::vector<Published> diagnostics_of(const Analysis& a, const std::vector<std::string>& extra_uris,
                                                    const Workspace& w);
// The same for one file with its failing tests added (on save).
[[nodiscard]] Published diagnostics_with_tests(const Analysis& a, const SourceFilePtr& file, const Workspace& w, Date today);

[[nodiscard]] std::string definition(const Cursor& c);
[[nodiscard]] std::string references(const Cursor& c, bool include_declaration);
[[nodiscard]] std::string document_symbols(const Analysis& a, const SourceFilePtr& file);
[[nodiscard]] std::string workspace_symbols(const std::vector<std::shared_ptr<const Analysis>>& analyses,
                                            std::string_view query);
[[nodiscard]] std::string hover(const Cursor& c);
[[nodiscard]] std::string completion(const Cursor& c);
[[nodiscard]] std::string formatting(const SourceFilePtr& file);
[[nodiscard]] std::string code_actions(const Cursor& c, const Document& doc, simdjson::dom::element params);

// Helpers the features share: a location, a range.
void write_range(json::Writer& w, const SourceFile& file, SourceSpan span);
void write_location(json::Writer& w, const SourceFile& file, SourceSpan span);

}  // namespace planrules::lsp
