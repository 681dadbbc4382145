// Runs before every test file: the toolkit's clock (in-process sandboxes, and the CLI runs these tests
// spawn, which inherit the environment) starts at TEST_NOW rather than at the system's date.
import { TEST_NOW } from './helpers/clock.js';

process.env.MIGRATE_NOW = TEST_NOW;
