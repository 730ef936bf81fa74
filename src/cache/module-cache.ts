import * as prettier from 'prettier'
import type { BuiltModule, ModuleStore } from '../emit/types/index.js'
import { JsonCache, packageVersion } from './json-cache.js'

/**
 * Generated type modules on disk under `<dir>/modules/`, addressed by every input of a module (the page's
 * model, its names, the names taken before it; see `emitTypes`) and by the tool's code and the printers'
 * versions, so that a rerun after one page changed builds, prints and formats only that page's module.
 */
export class ModuleCache extends JsonCache<BuiltModule> implements ModuleStore {
  constructor(dir: string) {
    super(dir, 'modules', [prettier.version, packageVersion('ts-morph')], (built) => typeof built.content === 'string' && Array.isArray(built.claimed) && Array.isArray(built.diagnostics))
  }
}
