#pragma once
// What the server knows: the documents open in the editor (their text as typed, saved or not)
// and, for each rule tree, its analysis: every rule, schema and test file of the tree compiled
// together, the open documents as the editor has them and the rest as on disk, with the index
// of its names (index.hpp). An analysis is made when asked for and kept until a document of
// its tree changes.

#include "lsp/index.hpp"

#include <planrules/compile.hpp>
#include <planrules/language.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planrules::lsp {

struct Document {
    std::string uri;
    std::filesystem::path path;  // absolute, normal
    std::string text;
    std::int64_t version = 0;
};

struct Analysis {
    std::filesystem::path root;          // the tree's folder; a file outside any tree: the file
    std::uint64_t generation = 0;        // of the workspace when it was made
    Compilation compilation;
    std::vector<SourceFilePtr> sources;  // the files compiled, named by their absolute paths
    Index index;

    // The file compiled from `path`, or null.
    [[nodiscard]] SourceFilePtr source(const std::filesystem::path& path) const;
};

// A file: URI as a path, and back (percent-encoding as RFC 3986 has it). Nothing for a URI of
// another scheme.
[[nodiscard]] std::optional<std::filesystem::path> path_of_uri(std::string_view uri);
[[nodiscard]] std::string uri_of_path(const std::filesystem::path& path);

// A tree of more files than this is compiled as the file and what it needs (tree.hpp).
inline constexpr std::size_t max_tree_files = 400;

class Workspace {
public:
    explicit Workspace(Language language = Language::en) : language_(language) {}
    void set_language(Language language) {
        language_ = language;
        ++generation_;
    }
    [[nodiscard]] Language language() const noexcept { return language_; }

    // Nothing happens for a URI that is not a file: URI.
    void open(std::string_view uri, std::string text, std::int64_t version);
    void change(std::string_view uri, std::string text, std::int64_t version);
    void close(std::string_view uri);
    // A file changed on disk (saved, or changed by another program): a schema file may have
    // come or gone, so the trees are looked up again.
    void touched() {
        ++generation_;
        roots_.clear();
    }

    [[nodiscard]] const Document* document(std::string_view uri) const;
    [[nodiscard]] const std::map<std::string, Document, std::less<>>& documents() const noexcept { return docs_; }

    // The analysis of the tree the file `path` belongs to, up to date. Never throws.
    [[nodiscard]] std::shared_ptr<const Analysis> analysis(const std::filesystem::path& path);

private:
    std::shared_ptr<Analysis> analyse(const std::filesystem::path& path, const std::filesystem::path& root);

    Language language_;
    std::map<std::string, Document, std::less<>> docs_;
    std::map<std::filesystem::path, std::shared_ptr<Analysis>> analyses_;  // by root
    std::map<std::filesystem::path, std::filesystem::path> roots_;         // file -> its tree's root
    std::uint64_t generation_ = 1;
};

}  // namespace planrules::lsp
