from django.db.models import Q
from django.http import JsonResponse
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from django.core.cache import cache
from products.models import Product
from products.serializers import ProductSerializer
from reviews.models import Review
from reviews.serializers import ReviewSerializer


@api_view(['GET'])
@permission_classes([AllowAny])
def get_all_product(request):
    ALL_PRODUCTS_KEY = "all_products"
    alls = cache.get(ALL_PRODUCTS_KEY)
    if alls is None:
        products = Product.objects.select_related("category").prefetch_related(
            'product_imgs','product_variants'
        ).filter(status="Active")
        alls = ProductSerializer(products, many=True).data
        cache.set(ALL_PRODUCTS_KEY, alls, timeout=86400)

        if not products.exists():
            return JsonResponse(
                {"message": "Danh sách sản phẩm trống"},
                status=200
            )
    return JsonResponse(
         {"products": alls},
         status=200,
         safe=False
    )


@api_view(['GET'])
@permission_classes([AllowAny])
def get_home_product(request):
    FEATURED_KEY = "home_featured_products"
    NEW_KEY = "home_new_products"
    REVIEW_KEY = "home_review"

    cache.delete(REVIEW_KEY)
    featured = cache.get(FEATURED_KEY)
    news = cache.get(NEW_KEY)
    reviews = cache.get(REVIEW_KEY)

    if featured is None:
        feature_qs = Product.objects.select_related("category").prefetch_related(
            'product_imgs','product_variants'
        ).filter(is_featured=True)[:4]
        featured = ProductSerializer(feature_qs, many=True).data
        cache.set(FEATURED_KEY, featured, timeout=86400)

    if news is None:
        new_qs = Product.objects.select_related(
            "category"
        ).prefetch_related(
            'product_imgs',
            'product_variants'
        ).filter(is_new=True)[:4]
        news = ProductSerializer(new_qs, many=True).data
        cache.set(NEW_KEY, news, timeout=86400)

