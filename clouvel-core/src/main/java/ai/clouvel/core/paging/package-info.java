/**
 * Pages of results: a {@link ai.clouvel.core.paging.PageRequest} asks for one, a
 * {@link ai.clouvel.core.paging.Page} answers. Every repository that lists uses these two, so
 * they sit below all concept packages.
 */
package ai.clouvel.core.paging;
