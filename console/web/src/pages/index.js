// One import per feature page (each module registers itself with page(...) from registry.js).
// Keep one line per page so that features added in parallel merge without conflict.
import './filings.js';
import './cleaning.js';
