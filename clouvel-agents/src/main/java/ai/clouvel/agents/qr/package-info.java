/** QR codes stamped on product images, pointing at the product's page. */
package ai.clouvel.agents.qr;
