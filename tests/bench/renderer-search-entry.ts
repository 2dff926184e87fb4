// What the renderer benchmark injects into the page as window.VpbxSearch: the search module and
// the text helpers it compares against.
export { DirectorySearch, buildIndex } from '../../renderer/src/lib/search.js';
export { fieldsOf, fold } from '../../renderer/src/lib/search-text.js';
