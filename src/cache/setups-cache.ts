import type { GradleScripts, SetupsStore } from '../setups/index.js'
import { JsonCache, packageVersion } from './json-cache.js'

/**
 * Translated `build.gradle` setups on disk under `<dir>/setups/`, addressed by the file's name and text, the
 * tool's code and the versions of the API table's package and the YAML parser: a rerun translates a doc
 * build's setups again only when they changed.
 */
export class SetupsCache extends JsonCache<GradleScripts> implements SetupsStore {
  constructor(dir: string) {
    super(dir, 'setups', ['setups', packageVersion('@elastic/request-converter'), packageVersion('yaml')], (scripts) => record(scripts.setups) && record(scripts.teardowns) && Array.isArray(scripts.diagnostics))
  }
}

const record = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value)
