// The rule tree of single files (planrules/tree.hpp): what each file of the tree declares and
// needs, from its declarations alone (parsed, not checked), then the files that declare what
// the given files need, to a fixed point.

#include <planrules/compile.hpp>
#include <planrules/read.hpp>
#include <planrules/syntax/parser.hpp>
#include <planrules/tree.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

namespace planrules {

namespace fs = std::filesystem;

namespace {

// What one file declares and what it names that others declare.
struct FileFacts {
    fs::path path;
    std::set<std::string> rulesets, rules;    // declared
    std::set<std::string> extends, named;     // rule sets extended; rules named by tests and overrides
    bool schema = false;                      // a *.schema file
};

FileFacts facts_of(const fs::path& path, const Limits& limits) {
    FileFacts f;
    f.path = path;
    f.schema = path.extension() == ".schema";
    auto text = read_input(path, limits.max_file_size, rule_input, path.string());
    if (!text) return f;
    auto parsed = syntax::parse_file(std::make_shared<SourceFile>(path.string(), std::move(*text)), limits);
    for (const auto& d : parsed.file.decls) {
        if (const auto* r = std::get_if<ast::RulesetDecl>(&d)) {
            f.rulesets.insert(r->name.text);
            for (const auto& e : r->extends) f.extends.insert(e.text);
        } else if (const auto* rule = std::get_if<ast::RuleDecl>(&d)) {
            f.rules.insert(rule->id.text);
        } else if (const auto* o = std::get_if<ast::OverrideDecl>(&d)) {
            f.named.insert(o->target.text);
        } else if (const auto* t = std::get_if<ast::TestDecl>(&d)) {
            for (const auto& e : t->expectations)
                for (const auto& n : e.rules) f.named.insert(n.text);
        }
    }
    return f;
}

fs::path tree_root(const fs::path& file) {
    std::error_code ec;
    fs::path dir = fs::absolute(file, ec).parent_path();
    for (int up = 0; up < 64 && !dir.empty(); ++up) {
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".schema" && it->is_regular_file(ec)) return dir;
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    return {};
}

// `p` as the user would write it: relative to the working folder when it is below it.
fs::path shown(const fs::path& p) {
    std::error_code ec;
    const fs::path rel = fs::relative(p, fs::current_path(ec), ec);
    if (!ec && !rel.empty() && *rel.begin() != "..") return rel;
    return p;
}

}  // namespace

fs::path rule_tree_root(const fs::path& file) {
    try {
        return tree_root(file);
    } catch (const std::exception&) {
        return {};
    }
}

RuleTree find_rule_tree(const std::vector<fs::path>& files, const Limits& limits) {
    RuleTree tree;
    try {
        std::error_code ec;
        std::vector<FileFacts> given;
        for (const auto& f : files) {
            if (!fs::is_regular_file(f, ec)) continue;
            if (tree.root.empty()) tree.root = tree_root(f);
            given.push_back(facts_of(f, limits));
        }
        if (tree.root.empty() || given.empty()) return tree;
        std::set<fs::path> taken;
        for (const auto& g : given) taken.insert(fs::weakly_canonical(g.path, ec));
        // the tree's files, in sorted order (as a directory is compiled)
        std::vector<FileFacts> candidates;
        std::vector<fs::path> paths;
        for (fs::recursive_directory_iterator it(tree.root, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && is_rule_file(it->path())) paths.push_back(it->path());
        std::sort(paths.begin(), paths.end());
        for (const auto& p : paths)
            if (!taken.count(fs::weakly_canonical(p, ec))) candidates.push_back(facts_of(p, limits));
        // what the loaded files declare, and need
        std::set<std::string> rulesets, rules, extends, named;
        bool schema = false;
        auto take = [&](const FileFacts& f) {
            rulesets.insert(f.rulesets.begin(), f.rulesets.end());
            rules.insert(f.rules.begin(), f.rules.end());
            extends.insert(f.extends.begin(), f.extends.end());
            named.insert(f.named.begin(), f.named.end());
            schema = schema || f.schema;
        };
        for (const auto& g : given) take(g);
        std::vector<bool> added(candidates.size(), false);
        for (bool more = true; more;) {
            more = false;
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                if (added[i]) continue;
                const FileFacts& c = candidates[i];
                std::vector<std::string> why;
                for (const auto& r : c.rulesets)
                    if (extends.count(r) && !rulesets.count(r)) why.push_back(r);
                for (const auto& r : c.rules)
                    if (named.count(r) && !rules.count(r)) why.push_back(r);
                const bool needed_schema = c.schema && !schema;
                if (why.empty() && !needed_schema) continue;
                std::string reason;
                for (const auto& w : why) reason += (reason.empty() ? "" : ", ") + w;
                take(c);
                added[i] = true;
                more = true;
                tree.added.push_back(shown(c.path));
                tree.reasons.push_back(std::move(reason));
            }
        }
        // the schema files of the tree go first, as in a directory
        std::vector<std::size_t> order(tree.added.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return (tree.added[a].extension() == ".schema") > (tree.added[b].extension() == ".schema");
        });
        RuleTree sorted{shown(tree.root), {}, {}};
        for (auto i : order) {
            sorted.added.push_back(tree.added[i]);
            sorted.reasons.push_back(tree.reasons[i]);
        }
        return sorted;
    } catch (const std::exception&) {  // (allocation, filesystem): nothing added
        return RuleTree{};
    }
}

}  // namespace planrules
