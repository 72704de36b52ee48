// The rules of cel.mjs in CEL with declared variables (plan and the activity a as maps, today as
// a string) and the type checker on: every expression is checked once, then parsed once.
import {Environment} from '@marcbachmann/cel-js'
import {compile, withFunctions} from './cel.mjs'
import {validator} from './driver.mjs'

const env = withFunctions(new Environment().registerVariable('plan', 'map').registerVariable('today', 'string')
  .registerVariable('a', 'map'))

export const validate = validator(compile(env, true))
