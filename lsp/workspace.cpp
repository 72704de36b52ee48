// Documents and analyses (workspace.hpp).

#include "lsp/workspace.hpp"

#include <planrules/read.hpp>
#include <planrules/tree.hpp>

#include <algorithm>
#include <cctype>

namespace planrules::lsp {

namespace fs = std::filesystem;

namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

fs::path normal(const fs::path& p) {
    std::error_code ec;
    const fs::path a = fs::absolute(p, ec);
    return (ec ? p : a).lexically_normal();
}

}  // namespace

std::optional<fs::path> path_of_uri(std::string_view uri) {
    constexpr std::string_view scheme = "file://";
    if (uri.size() < scheme.size() || uri.substr(0, scheme.size()) != scheme) return std::nullopt;
    uri.remove_prefix(scheme.size());
    const std::size_t slash = uri.find('/');  // file://host/path: the host is dropped
    if (slash == std::string_view::npos) return std::nullopt;
    uri.remove_prefix(slash);
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
            out += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
            i += 2;
        } else if (uri[i] == '?' || uri[i] == '#') {
            break;
        } else {
            out += uri[i];
        }
    }
    if (out.find('\0') != std::string::npos) return std::nullopt;
    return fs::path(out).lexically_normal();
}

std::string uri_of_path(const fs::path& path) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out = "file://";
    for (unsigned char c : path.generic_string()) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

SourceFilePtr Analysis::source(const fs::path& path) const {
    const std::string name = path.generic_string();
    for (const auto& s : sources)
        if (s->name() == name) return s;
    return nullptr;
}

void Workspace::open(std::string_view uri, std::string text, std::int64_t version) {
    auto path = path_of_uri(uri);
    if (!path) return;
    docs_[std::string(uri)] = Document{std::string(uri), normal(*path), std::move(text), version};
    ++generation_;
}

void Workspace::change(std::string_view uri, std::string text, std::int64_t version) {
    auto it = docs_.find(uri);
    if (it == docs_.end()) return open(uri, std::move(text), version);
    it->second.text = std::move(text);
    it->second.version = version;
    ++generation_;
}

void Workspace::close(std::string_view uri) {
    if (auto it = docs_.find(uri); it != docs_.end()) {
        docs_.erase(it);
        ++generation_;
    }
}

const Document* Workspace::document(std::string_view uri) const {
    auto it = docs_.find(uri);
    return it == docs_.end() ? nullptr : &it->second;
}

std::shared_ptr<const Analysis> Workspace::analysis(const fs::path& file) {
    const fs::path path = normal(file);
    // the tree of a file, looked up on disk once (every request names a file)
    auto known = roots_.find(path);
    if (known == roots_.end()) {
        const fs::path root = rule_tree_root(path);
        known = roots_.emplace(path, root.empty() ? path : normal(root)).first;
    }
    const fs::path& root = known->second;
    auto& cached = analyses_[root];
    if (!cached || cached->generation != generation_) cached = analyse(path, root);
    return cached;
}

std::shared_ptr<Analysis> Workspace::analyse(const fs::path& path, const fs::path& root) {
    auto a = std::make_shared<Analysis>();
    a->root = root;
    a->generation = generation_;
    const Limits limits;
    // the files: the whole tree, or (a large one) the file and what it needs, or the file alone
    std::vector<fs::path> files;
    std::error_code ec;
    if (root == path) {
        files.push_back(path);
    } else {
        for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end && files.size() <= max_tree_files; it.increment(ec))
            if (is_rule_file(it->path()) && it->is_regular_file(ec)) files.push_back(normal(it->path()));
        if (files.size() > max_tree_files) {
            files = {path};
            for (const auto& f : find_rule_tree({path}, limits).added) files.push_back(normal(f));
        }
        // open documents of the tree not yet saved
        for (const auto& [uri, doc] : docs_)
            if (doc.path.native().rfind(root.native() + "/", 0) == 0 && is_rule_file(doc.path) &&
                std::find(files.begin(), files.end(), doc.path) == files.end())
                files.push_back(doc.path);
    }
    std::sort(files.begin(), files.end());
    // schema files first, as a directory is compiled
    std::stable_partition(files.begin(), files.end(), [](const fs::path& p) { return p.extension() == ".schema"; });
    for (const auto& f : files) {
        const std::string name = f.generic_string();
        auto open = std::find_if(docs_.begin(), docs_.end(), [&](const auto& d) { return d.second.path == f; });
        if (open != docs_.end()) {
            a->sources.push_back(std::make_shared<SourceFile>(name, open->second.text));
            continue;
        }
        auto text = read_input(f, limits.max_file_size, rule_input, name);
        if (text) a->sources.push_back(std::make_shared<SourceFile>(name, std::move(*text)));
    }
    CompileOptions options;
    options.language = language_;
    a->compilation = compile_sources(a->sources, options);
    // compile_sources may have loaded schema files the rule sets name from outside the tree
    if (a->compilation.program)
        for (const auto& pf : a->compilation.program->files)
            if (!a->source(pf.source->name())) a->sources.push_back(pf.source);
    if (a->compilation.program) a->index = build_index(*a->compilation.program);
    return a;
}

}  // namespace planrules::lsp
