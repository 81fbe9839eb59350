/** A fake Reddit API (OAuth token, listings, posts, comments, commenting) for MockWebServer. */
package ai.clouvel.test.reddit;
