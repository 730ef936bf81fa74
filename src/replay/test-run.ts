/**
 * One replay test as it runs: its steps in order against the server, the stash of `set:` steps, the last
 * answer, and what the test created, removed again at the end whatever happened (as the doc tests wipe the
 * cluster after each test), so that no page sees another's state and nothing else is touched.
 */
import {
  createdBy,
  createdByAnswer,
  createsUnnamedIndices,
  GET_SETTINGS,
  LIST_INDICES,
  listedIndices,
  restoredIndex,
  settingsRestore,
  settingsSet,
  type CleanupRequest,
  type Resource,
} from './cleanup.js'
import { checkCatch, checkWarnings } from './expect.js'
import { exchange, prepareRequest, type ReplayAnswer } from './http.js'
import { matchResponse, type BuildValues } from './match.js'
import type { Stash } from './stash.js'
import { runAssert, runSet } from './steps.js'
import type { SnippetTarget } from '../model/types.js'
import type { Target } from './target.js'
import type { ReplayPage, ReplayRequest, ReplayStep } from './types.js'
import { describeRequest } from './writes.js'

/** Thrown when a setup request reaches a route the embedded server's pages do not document. */
export class UndocumentedSetup extends Error {}

export class TestRun {
  private last: ReplayAnswer | undefined
  private readonly stash: Stash = new Map()
  private readonly created: Resource[] = []
  /** Keys of resources seen: created by the test, or there before it. */
  private readonly seen = new Set<string>()

  constructor(
    private readonly targetOf: (service: SnippetTarget) => Target,
    private readonly page: ReplayPage,
    /** The server's `{version}` and kin, put into expected responses as the doc build does. */
    private readonly build: BuildValues = {},
  ) {}

  async step(step: ReplayStep): Promise<void> {
    if (step.kind === 'request') {
      await this.request(step)
      return
    }
    if (step.kind === 'script') throw new Error(`the named setup ${step.script} was not expanded`)
    const where = `${step.file ?? this.page.file}:${step.line}`
    if (!this.last) throw new Error(`${step.kind === 'response' ? 'TESTRESPONSE' : step.kind} at ${where} has no request to answer`)
    if (step.kind === 'response') {
      const result = matchResponse(this.last, step, { file: step.file ?? this.page.file, line: step.line }, this.stash, this.build)
      if (!result.ok) throw new Error(result.message)
      return
    }
    const json = parseJson(this.last.text)
    const problem = step.kind === 'set' ? runSet(step, json, this.stash) : runAssert(step, json, this.stash)
    if (problem) throw new Error(`${step.from ? `setup ${step.from}, ` : ''}${where}: ${problem}`)
  }

  /** Sends a request and checks its status and warnings; a setup request may meet an undocumented route. */
  async request(request: ReplayRequest, setup = request.from !== undefined): Promise<void> {
    const what = describeRequest(this.page, request)
    let answer: ReplayAnswer
    try {
      answer = await this.send(request)
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}`)
    }
    if (setup && answer.status >= 400 && answer.undocumented) {
      throw new UndocumentedSetup(`the pages do not document ${request.method} ${request.path}, which a setup sends (${what.replace(/^.*\((.*)\)$/, '$1')})`)
    }
    // As the YAML test client reads it, a HEAD answered 404 says "does not exist" (exists APIs): no failure.
    const failed = answer.status >= 400 && !(request.method === 'HEAD' && answer.status === 404)
    const problem = request.catch !== undefined ? checkCatch(request.catch, answer.status, answer.text) : failed ? `answered ${answer.status}` : undefined
    if (problem) throw new Error(`${what}: ${problem}\n${excerpt(answer.text)}`)
    const warnings = request.warnings && checkWarnings(request.warnings, answer.warnings)
    if (warnings) throw new Error(`${what}:\n${warnings}`)
    this.last = answer
  }

  /**
   * Sends the request; what it creates on Elasticsearch is the test's to remove, unless it existed before
   * (asked first): what its path and body name, what its answer names, indices a restore or a reindex script adds, and the cluster
   * settings it changes (put back as they were).
   */
  private async send(request: ReplayRequest): Promise<ReplayAnswer> {
    const target = this.targetOf(request.target ?? 'elasticsearch')
    const prepared = prepareRequest(target, request, { previous: this.last, stash: this.stash })
    if (target.stateless || (request.target ?? 'elasticsearch') !== 'elasticsearch') return exchange(target, prepared, target.requestTimeoutMs)
    const { method } = request
    const { segments, value } = prepared
    const fresh: Resource[] = []
    for (const resource of createdBy(method, segments, value)) {
      if (this.seen.has(resource.key)) continue
      this.seen.add(resource.key)
      if (resource.exists && (await this.raw(resource.exists)).status === 200) continue
      fresh.push(resource)
    }
    const settings = settingsSet(method, segments, value)
    const settingsBefore = settings && parseJson((await this.raw(GET_SETTINGS)).text)
    const indicesBefore = createsUnnamedIndices(method, segments, value) ? listedIndices((await this.raw(LIST_INDICES)).text) : undefined
    const answer = await exchange(target, prepared, target.requestTimeoutMs)
    if (answer.status >= 300) {
      for (const resource of fresh) this.seen.delete(resource.key)
      return answer
    }
    this.created.push(...fresh)
    this.track(createdByAnswer(method, segments, parseJson(answer.text)))
    if (settings) this.track([settingsRestore(settings, settingsBefore)])
    if (indicesBefore) {
      const after = listedIndices((await this.raw(LIST_INDICES)).text)
      this.track([...after].filter((name) => !indicesBefore.has(name)).map(restoredIndex))
    }
    return answer
  }

  /** Resources the test made that it has not made before. */
  private track(resources: readonly Resource[]): void {
    for (const resource of resources) {
      if (this.seen.has(resource.key)) continue
      this.seen.add(resource.key)
      this.created.push(resource)
    }
  }

  /** Removes what the test created, newest first; returns what could not be removed. */
  async cleanup(): Promise<string[]> {
    const problems: string[] = []
    for (const resource of this.created.reverse()) {
      for (const request of resource.remove) {
        try {
          const answer = await this.raw(request)
          if (answer.status >= 500) problems.push(`${request.method} ${request.path} answered ${answer.status}`)
        } catch (error) {
          problems.push(`${request.method} ${request.path}: ${(error as Error).message}`)
        }
      }
    }
    return problems
  }

  private raw(request: CleanupRequest): Promise<ReplayAnswer> {
    const target = this.targetOf('elasticsearch')
    const url = new URL(target.url)
    url.pathname = `${url.pathname.replace(/\/$/, '')}${request.path.split('/').map(encodeURIComponent).join('/')}`
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.append(key, value)
    const body = request.body === undefined ? {} : { body: JSON.stringify(request.body), headers: { ...target.headers, 'content-type': 'application/json' } }
    return exchange(target, { method: request.method, url, ...body }, target.requestTimeoutMs)
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function excerpt(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text
}
