/**
 * STAND-IN, not committed: main lacks this package (the .gitignore pattern data/ hides it). Rebuilt
 * from the API dump only to test the issue-12 branch locally.
 */
package ai.clouvel.test.data;
