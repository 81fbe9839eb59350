/** A fake OpenAI API (chat completions with structured output, image generation) for MockWebServer. */
package ai.clouvel.test.openai;
